console.log('vpcsim');
